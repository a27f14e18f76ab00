/**
 * Demo items of the 市场监督管理局 (market regulation), after the published national and
 * Chongqing lists. Demo content: article references are illustrative, review before real use.
 */
import type { TargetType } from '@openssj/core';
import type { CatalogItem } from './item-catalog.demo';

const ME: readonly TargetType[] = ['企业', '个体工商户', '农民专业合作社'];
const ENT: readonly TargetType[] = ['企业'];
const ENT_IND: readonly TargetType[] = ['企业', '个体工商户'];

const REG = '《市场主体登记管理条例》';
const PUB = '《企业信息公示暂行条例》';
const FOOD = '《中华人民共和国食品安全法》';

/** 市场监督管理局: the longest list. */
export const SCJG_ITEMS: readonly CatalogItem[] = [
  {
    name: '营业执照（登记证）规范使用情况的检查',
    priority: 'general',
    method: 'onsite',
    articles: [`${REG}第三十六条`],
    targetTypes: ME,
    checks: [
      ['营业执照是否置于住所或主要经营场所醒目位置', 'yesNo'],
      ['营业执照照片', 'photo'],
    ],
  },
  {
    name: '名称规范使用情况的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《企业名称登记管理规定》第二十二条'],
    targetTypes: ME,
    checks: [
      ['招牌、印章使用的名称是否与登记一致', 'yesNo'],
      ['门头招牌照片', 'photo'],
    ],
  },
  {
    name: '经营（驻在）期限的检查',
    priority: 'general',
    method: 'document',
    articles: [`${REG}第八条`],
    targetTypes: ENT,
    checks: [['是否超出登记的经营期限从事经营活动', 'yesNo']],
  },
  {
    name: '经营（业务）范围中无需审批的经营（业务）项目的检查',
    priority: 'general',
    method: 'onsite',
    articles: [`${REG}第十四条`],
    targetTypes: ME,
    checks: [
      ['实际经营项目是否在登记的经营范围内', 'yesNo'],
      ['超范围经营的项目', 'text'],
    ],
  },
  {
    name: '住所（经营场所）或驻在场所的检查',
    priority: 'general',
    method: 'onsite',
    articles: [`${REG}第二十七条`],
    targetTypes: ME,
    checks: [
      ['登记住所能否联系', 'yesNo'],
      ['实际经营地址', 'text'],
      ['经营场所照片', 'photo'],
    ],
  },
  {
    name: '注册资本实缴情况的检查',
    priority: 'general',
    cap: 0.05,
    method: 'document',
    articles: ['《中华人民共和国公司法》第四十九条', `${PUB}第十条`],
    targetTypes: ENT,
    checks: [
      ['公示的实缴出资额', 'number', '万元'],
      ['实缴出资凭证是否与公示一致', 'yesNo'],
    ],
  },
  {
    name: '法定代表人（负责人）任职情况的检查',
    priority: 'general',
    cap: 0.05,
    method: 'document',
    articles: ['《中华人民共和国公司法》第一百七十八条'],
    targetTypes: ENT,
    checks: [['法定代表人是否存在不得担任的情形', 'yesNo']],
  },
  {
    name: '企业年度报告公示信息的检查',
    priority: 'general',
    method: 'document',
    articles: [`${PUB}第八条`, `${PUB}第九条`, `${PUB}第十四条`],
    targetTypes: ENT,
    checks: [
      ['年度报告是否按期公示', 'yesNo'],
      ['公示的从业人数', 'number', '人'],
      ['公示信息与核查情况是否一致', 'yesNo'],
    ],
  },
  {
    name: '企业即时公示信息的检查',
    priority: 'general',
    method: 'document',
    articles: [`${PUB}第十条`],
    targetTypes: ENT,
    checks: [['股东出资、股权变更等信息是否在 20 个工作日内公示', 'yesNo']],
  },
  {
    name: '个体工商户年度报告公示信息的检查',
    priority: 'general',
    method: 'document',
    articles: ['《促进个体工商户发展条例》第三十条'],
    targetTypes: ['个体工商户'],
    checks: [
      ['年度报告是否报送', 'yesNo'],
      ['公示信息与核查情况是否一致', 'yesNo'],
    ],
  },
  {
    name: '农民专业合作社年度报告公示信息的检查',
    priority: 'general',
    method: 'document',
    articles: ['《中华人民共和国农民专业合作社法》第十七条'],
    targetTypes: ['农民专业合作社'],
    checks: [
      ['年度报告是否报送', 'yesNo'],
      ['成员数量', 'number', '人'],
    ],
  },
  {
    name: '食品生产企业监督检查',
    priority: 'key',
    method: 'onsite',
    articles: [`${FOOD}第一百一十条`, '《食品生产经营监督检查管理办法》第十一条'],
    targetTypes: ENT,
    industries: ['13', '14', '15'],
    checks: [
      ['食品生产许可证是否有效', 'yesNo', 'photo'],
      ['原料进货查验记录是否完整', 'yesNo'],
      ['出厂检验记录是否完整', 'yesNo'],
      ['生产车间照片', 'photo'],
    ],
  },
  {
    name: '食品销售者监督检查',
    priority: 'key',
    method: 'onsite',
    articles: [`${FOOD}第一百一十条`, `${FOOD}第五十三条`],
    targetTypes: ENT_IND,
    industries: ['5212', '5213', '5221', '5222', '5223', '5224', '5226', '5229'],
    checks: [
      ['是否建立进货查验记录', 'yesNo'],
      ['是否销售过期食品', 'yesNo', 'photo'],
      ['抽查批次数', 'number', '批次'],
    ],
  },
  {
    name: '餐饮服务提供者监督检查',
    priority: 'key',
    method: 'onsite',
    articles: [`${FOOD}第一百一十条`, `${FOOD}第五十五条`],
    targetTypes: ENT_IND,
    industries: ['62'],
    checks: [
      ['从业人员健康证明是否有效', 'yesNo'],
      ['后厨卫生状况', 'choice'],
      ['食品留样是否符合要求', 'yesNo'],
      ['后厨照片', 'photo'],
    ],
  },
  {
    name: '特种设备生产单位监督检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《中华人民共和国特种设备安全法》第五十七条', '《中华人民共和国特种设备安全法》第十八条'],
    targetTypes: ENT,
    industries: ['34', '35'],
    checks: [
      ['生产许可证是否有效', 'yesNo', 'photo'],
      ['质量保证体系是否有效运行', 'yesNo'],
    ],
  },
  {
    name: '特种设备使用单位监督检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《中华人民共和国特种设备安全法》第五十七条', '《中华人民共和国特种设备安全法》第三十三条'],
    targetTypes: ENT,
    checks: [
      ['在用特种设备台数', 'number', '台'],
      ['是否办理使用登记', 'yesNo'],
      ['是否在检验有效期内', 'yesNo', 'photo'],
      ['作业人员是否持证', 'yesNo'],
    ],
  },
  {
    name: '工业产品生产许可证获证企业的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国工业产品生产许可证管理条例》第三十八条'],
    targetTypes: ENT,
    industries: ['C'],
    checks: [
      ['许可证是否在有效期内', 'yesNo', 'photo'],
      ['是否持续保持获证条件', 'yesNo'],
    ],
  },
  {
    name: '产品质量监督抽查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国产品质量法》第十五条'],
    targetTypes: ['产品'],
    checks: [
      ['抽样数量', 'number', '件'],
      ['样品封样照片', 'photo'],
      ['检验结论', 'text'],
    ],
  },
  {
    name: '计量器具监督检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国计量法》第九条'],
    targetTypes: ENT_IND,
    checks: [
      ['强制检定计量器具台数', 'number', '台'],
      ['是否按期检定', 'yesNo', 'photo'],
    ],
  },
  {
    name: '检验检测机构监督检查',
    priority: 'general',
    cap: 0.05,
    method: 'onsite',
    articles: ['《检验检测机构监督管理办法》第二十一条'],
    targetTypes: ENT,
    industries: ['745'],
    checks: [
      ['资质认定证书是否有效', 'yesNo'],
      ['抽查报告份数', 'number', '份'],
      ['报告是否存在不实', 'yesNo'],
    ],
  },
  {
    name: '认证活动的检查',
    priority: 'general',
    cap: 0.05,
    method: 'document',
    articles: ['《中华人民共和国认证认可条例》第五十四条'],
    targetTypes: ENT,
    checks: [
      ['认证证书是否有效', 'yesNo'],
      ['认证标志使用是否规范', 'yesNo'],
    ],
  },
  {
    name: '广告发布行为的检查',
    priority: 'general',
    method: 'online',
    articles: ['《中华人民共和国广告法》第四十九条'],
    targetTypes: ['企业', '个体工商户', '行为'],
    checks: [
      ['广告内容是否含绝对化用语', 'yesNo'],
      ['广告截图', 'photo'],
    ],
  },
  {
    name: '网络交易经营者的检查',
    priority: 'general',
    method: 'online',
    articles: ['《中华人民共和国电子商务法》第十五条', '《网络交易监督管理办法》第十二条'],
    targetTypes: ENT_IND,
    industries: ['5292', '5193'],
    checks: [
      ['是否在首页显著位置公示营业执照信息', 'yesNo'],
      ['网页截图', 'photo'],
    ],
  },
  {
    name: '药品零售企业监督检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《中华人民共和国药品管理法》第九十九条'],
    targetTypes: ENT_IND,
    industries: ['5251', '5252'],
    checks: [
      ['药品经营许可证是否有效', 'yesNo', 'photo'],
      ['执业药师是否在岗', 'yesNo'],
      ['处方药是否凭处方销售', 'yesNo'],
    ],
  },
  {
    name: '医疗器械经营企业监督检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《医疗器械监督管理条例》第七十条'],
    targetTypes: ENT,
    industries: ['5254', '5174'],
    checks: [
      ['经营备案或许可是否有效', 'yesNo'],
      ['进货查验记录是否完整', 'yesNo'],
    ],
  },
  {
    name: '化妆品经营者监督检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《化妆品监督管理条例》第四十六条'],
    targetTypes: ENT_IND,
    industries: ['5234'],
    checks: [
      ['是否建立进货查验记录', 'yesNo'],
      ['是否销售过期化妆品', 'yesNo', 'photo'],
    ],
  },
  {
    name: '明码标价和价格行为的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国价格法》第十三条', '《中华人民共和国价格法》第三十四条'],
    targetTypes: ENT_IND,
    checks: [
      ['是否明码标价', 'yesNo', 'photo'],
      ['是否存在价格欺诈', 'yesNo'],
    ],
  },
];
