/**
 * Demo items of the other departments (fire, environment, health, education, civil
 * affairs, emergency, housing, commerce, culture). Demo content: article references are
 * illustrative, review before real use.
 */
import type { TargetType } from '@openssj/core';
import type { CatalogItem } from './item-catalog.demo';

const ENT: readonly TargetType[] = ['企业'];
const ENT_IND: readonly TargetType[] = ['企业', '个体工商户'];

export const XF_ITEMS: readonly CatalogItem[] = [
  {
    name: '人员密集场所消防安全检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《中华人民共和国消防法》第五十三条', '《中华人民共和国消防法》第十六条'],
    targetTypes: ENT,
    industries: ['61', '62', '52', '9011'],
    checks: [
      ['疏散通道是否畅通', 'yesNo', 'photo'],
      ['灭火器数量', 'number', '具'],
      ['消防设施是否完好有效', 'yesNo'],
    ],
  },
  {
    name: '消防安全重点单位检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《中华人民共和国消防法》第十七条'],
    targetTypes: ENT,
    checks: [
      ['是否确定消防安全管理人', 'yesNo'],
      ['防火巡查记录是否完整', 'yesNo'],
    ],
  },
  {
    name: '公众聚集场所投入使用、营业前消防安全检查后的监督抽查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国消防法》第十五条'],
    targetTypes: ENT,
    checks: [['实际使用情况是否与承诺一致', 'yesNo', 'photo']],
  },
  {
    name: '消防技术服务机构执业情况检查',
    priority: 'general',
    cap: 0.05,
    method: 'document',
    articles: ['《社会消防技术服务管理规定》第三十条'],
    targetTypes: ENT,
    checks: [
      ['出具的书面结论份数', 'number', '份'],
      ['从业人员是否持证', 'yesNo'],
    ],
  },
];

export const STHJ_ITEMS: readonly CatalogItem[] = [
  {
    name: '排污单位污染物排放情况的检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《中华人民共和国环境保护法》第二十四条'],
    targetTypes: ENT,
    industries: ['C'],
    checks: [
      ['是否持有排污许可证', 'yesNo', 'photo'],
      ['在线监测数据是否正常', 'yesNo'],
    ],
  },
  {
    name: '大气污染防治情况的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国大气污染防治法》第二十九条'],
    targetTypes: ['企业', '项目'],
    checks: [['废气治理设施是否正常运行', 'yesNo', 'photo']],
  },
  {
    name: '固体废物污染环境防治情况的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国固体废物污染环境防治法》第二十七条'],
    targetTypes: ENT,
    checks: [
      ['危险废物贮存量', 'number', '吨'],
      ['是否建立危险废物管理台账', 'yesNo'],
    ],
  },
  {
    name: '建设项目环境影响评价制度执行情况的检查',
    priority: 'general',
    method: 'document',
    articles: ['《中华人民共和国环境影响评价法》第二十八条'],
    targetTypes: ['项目'],
    checks: [['是否依法取得环评批复', 'yesNo']],
  },
  {
    name: '餐饮油烟污染防治情况的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国大气污染防治法》第八十一条'],
    targetTypes: ENT_IND,
    industries: ['62'],
    checks: [['是否安装油烟净化设施', 'yesNo', 'photo']],
  },
];

export const WJ_ITEMS: readonly CatalogItem[] = [
  {
    name: '公共场所卫生监督检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《公共场所卫生管理条例》第十条'],
    targetTypes: ENT_IND,
    industries: ['6110', '6121', '8040', '8051', '8052'],
    checks: [
      ['卫生许可证是否有效', 'yesNo', 'photo'],
      ['从业人员健康证明是否有效', 'yesNo'],
    ],
  },
  {
    name: '医疗机构依法执业情况的检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《医疗机构管理条例》第四十条'],
    targetTypes: ['企业', '其他组织'],
    industries: ['84'],
    checks: [
      ['执业许可证是否有效', 'yesNo', 'photo'],
      ['卫生技术人员是否具备资质', 'yesNo'],
    ],
  },
  {
    name: '生活饮用水卫生监督检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《生活饮用水卫生监督管理办法》第十六条'],
    targetTypes: ENT,
    checks: [['供水单位是否持有卫生许可证', 'yesNo']],
  },
  {
    name: '职业卫生监督检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国职业病防治法》第六十二条'],
    targetTypes: ENT,
    industries: ['C'],
    checks: [
      ['是否开展职业病危害因素检测', 'yesNo'],
      ['接触职业病危害人数', 'number', '人'],
    ],
  },
  {
    name: '传染病防治监督检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国传染病防治法》第五十三条'],
    targetTypes: ['企业', '其他组织'],
    checks: [['消毒隔离制度是否落实', 'yesNo']],
  },
];

export const JW_ITEMS: readonly CatalogItem[] = [
  {
    name: '校外培训机构办学行为的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国民办教育促进法》第四十一条'],
    targetTypes: ['企业', '其他组织'],
    industries: ['839'],
    checks: [
      ['办学许可证是否有效', 'yesNo', 'photo'],
      ['收费是否公示', 'yesNo'],
    ],
  },
  {
    name: '民办学校办学情况的检查',
    priority: 'general',
    method: 'document',
    articles: ['《中华人民共和国民办教育促进法》第四十一条'],
    targetTypes: ['其他组织'],
    checks: [['年度检查报告是否报送', 'yesNo']],
  },
  {
    name: '校园食品安全情况的检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《学校食品安全与营养健康管理规定》第五十一条'],
    targetTypes: ['其他组织', '企业'],
    checks: [
      ['是否落实校长陪餐制度', 'yesNo'],
      ['食堂照片', 'photo'],
    ],
  },
];

export const MZ_ITEMS: readonly CatalogItem[] = [
  {
    name: '社会团体遵守法律法规和国家政策情况的检查',
    priority: 'general',
    method: 'document',
    articles: ['《社会团体登记管理条例》第二十四条'],
    targetTypes: ['其他组织'],
    checks: [
      ['年度工作报告是否报送', 'yesNo'],
      ['会员数量', 'number', '个'],
    ],
  },
  {
    name: '民办非企业单位遵守法律法规情况的检查',
    priority: 'general',
    method: 'document',
    articles: ['《民办非企业单位登记管理暂行条例》第十九条'],
    targetTypes: ['其他组织'],
    checks: [['是否按章程开展活动', 'yesNo']],
  },
  {
    name: '养老机构服务安全的检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《养老机构管理办法》第三十八条'],
    targetTypes: ['其他组织', '企业'],
    industries: ['8514'],
    checks: [
      ['入住老人数', 'number', '人'],
      ['消防安全是否达标', 'yesNo', 'photo'],
    ],
  },
  {
    name: '殡葬服务单位的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《殡葬管理条例》第四条'],
    targetTypes: ['企业', '其他组织'],
    industries: ['8080'],
    checks: [['收费是否公示', 'yesNo']],
  },
];

export const YJ_ITEMS: readonly CatalogItem[] = [
  {
    name: '危险化学品经营企业安全生产的检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《中华人民共和国安全生产法》第六十五条', '《危险化学品安全管理条例》第六条'],
    targetTypes: ENT,
    industries: ['5169', '5942'],
    checks: [
      ['经营许可证是否有效', 'yesNo', 'photo'],
      ['储存量', 'number', '吨'],
    ],
  },
  {
    name: '工贸企业安全生产的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国安全生产法》第六十五条'],
    targetTypes: ENT,
    industries: ['C'],
    checks: [
      ['是否开展安全生产教育培训', 'yesNo'],
      ['隐患整改台账是否完整', 'yesNo'],
    ],
  },
  {
    name: '烟花爆竹经营单位的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《烟花爆竹安全管理条例》第三十三条'],
    targetTypes: ENT_IND,
    checks: [['是否持有经营许可证', 'yesNo', 'photo']],
  },
  {
    name: '安全生产培训情况的检查',
    priority: 'general',
    method: 'document',
    articles: ['《中华人民共和国安全生产法》第二十八条'],
    targetTypes: ENT,
    checks: [['特种作业人员持证人数', 'number', '人']],
  },
];

export const ZJ_ITEMS: readonly CatalogItem[] = [
  {
    name: '建设工程质量的检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《建设工程质量管理条例》第四十八条'],
    targetTypes: ['项目'],
    checks: [
      ['是否按图施工', 'yesNo', 'photo'],
      ['材料进场检验是否完整', 'yesNo'],
    ],
  },
  {
    name: '建筑施工安全生产的检查',
    priority: 'key',
    method: 'onsite',
    articles: ['《建设工程安全生产管理条例》第四十三条'],
    targetTypes: ['项目'],
    checks: [
      ['危大工程专项方案是否论证', 'yesNo'],
      ['现场照片', 'photo'],
    ],
  },
  {
    name: '房地产开发企业资质的检查',
    priority: 'general',
    method: 'document',
    articles: ['《城市房地产开发经营管理条例》第九条'],
    targetTypes: ENT,
    industries: ['7010'],
    checks: [['资质证书是否有效', 'yesNo']],
  },
  {
    name: '物业服务企业服务行为的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《物业管理条例》第五条'],
    targetTypes: ENT,
    industries: ['7020'],
    checks: [['收费标准是否公示', 'yesNo', 'photo']],
  },
];

export const SW_ITEMS: readonly CatalogItem[] = [
  {
    name: '单用途商业预付卡发卡企业的检查',
    priority: 'general',
    method: 'document',
    articles: ['《单用途商业预付卡管理办法（试行）》第三十四条'],
    targetTypes: ENT,
    checks: [
      ['是否备案', 'yesNo'],
      ['预收资金余额', 'number', '万元'],
    ],
  },
  {
    name: '报废机动车回收企业的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《报废机动车回收管理办法》第十九条'],
    targetTypes: ENT,
    checks: [['是否取得资质认定', 'yesNo', 'photo']],
  },
  {
    name: '成品油零售经营行为的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《中华人民共和国反不正当竞争法》第十三条'],
    targetTypes: ENT,
    industries: ['5265'],
    checks: [['经营批准证书是否有效', 'yesNo']],
  },
];

export const WLJ_ITEMS: readonly CatalogItem[] = [
  {
    name: '娱乐场所经营活动的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《娱乐场所管理条例》第三十六条'],
    targetTypes: ENT_IND,
    industries: ['9011', '9012'],
    checks: [['是否持有娱乐经营许可证', 'yesNo', 'photo']],
  },
  {
    name: '旅行社经营行为的检查',
    priority: 'general',
    method: 'document',
    articles: ['《旅行社条例》第四十一条'],
    targetTypes: ENT,
    industries: ['7291'],
    checks: [['质量保证金是否足额', 'yesNo']],
  },
  {
    name: '营业性演出活动的检查',
    priority: 'general',
    method: 'onsite',
    articles: ['《营业性演出管理条例》第三十四条'],
    targetTypes: ['企业', '行为'],
    checks: [['是否取得演出批准文件', 'yesNo']],
  },
];
