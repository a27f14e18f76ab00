/**
 * Word lists for demo names: people, trade names (字号), roads, and the industry profiles
 * that tie a GB/T 4754 class to the words of a business name. All codes are real classes.
 */
import type { TargetType } from '@openssj/core';
import type { Rng } from './prng';

// Common surnames, most frequent first (weights fall off down the list).
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国志兵文辉力鹏飞斌宇浩凯俊帆琳雪梅晓燕婷欣怡佳瑶思雨彬鑫林海波峰成荣新春梦晨涵蕾',
];
const TRADE = [
  ...'鑫源华盛泰恒通达金瑞祥宏兴隆德福嘉佳和美新天宇博安康顺丰昌旺荣耀汇聚众诚信立远明川渝江山巴蜀锦程辉煌创优品尚卓越',
];

/** A person's name: surname plus one or two given characters. */
export function personName(rng: Rng): string {
  const i = Math.min(rng.int(SURNAMES.length), rng.int(SURNAMES.length)); // skew to common surnames
  const s = SURNAMES[i] ?? '王';
  return rng.chance(0.7) ? `${s}${rng.pick(GIVEN)}${rng.pick(GIVEN)}` : `${s}${rng.pick(GIVEN)}`;
}

/** A surname alone, for shop names like 张记. */
export function surname(rng: Rng): string {
  return SURNAMES[Math.min(rng.int(SURNAMES.length), rng.int(SURNAMES.length))] ?? '王';
}

/** A two-character trade name (字号) with two different characters. */
export function tradeName(rng: Rng): string {
  const a = rng.pick(TRADE);
  let b = rng.pick(TRADE);
  while (b === a) {
    b = rng.pick(TRADE);
  }
  return `${a}${b}`;
}

/** Main roads of each demo district, for addresses. */
export const ROADS: Readonly<Record<string, readonly string[]>> = {
  '500112': ['金开大道', '龙山路', '新牌坊路', '红锦大道', '兰桂大道', '宝圣大道', '黄山大道', '双龙大道'],
  '500103': ['民生路', '解放西路', '中山三路', '大坪正街', '长江一路'],
  '500105': ['建新北路', '北城天街', '红石路', '五里店路', '港城路'],
  '500106': ['小龙坎正街', '三峡路', '磁器口正街', '天星桥正街', '井口大道'],
  '500107': ['杨家坪正街', '谢家湾正街', '石坪桥横街', '黄桷坪正街', '科园一路'],
  '500108': ['南坪西路', '江南大道', '铜元局路', '弹子石路', '南城大道'],
  '500109': ['天生路', '碚峡路', '朝阳路', '云华路', '蔡家大道'],
  '500113': ['鱼洞大道', '渝南大道', '龙洲大道', '南泉路', '界石路'],
  '511623': ['鼎屏大道', '解放街', '人民路', '兴仁路', '东环路'],
};

/**
 * An industry profile: a real GB/T 4754 class, the word in a company name, the word in a
 * shop name (null when individual businesses are rare there), the tags and a weight.
 */
export interface IndustryProfile {
  readonly code: string;
  readonly trade: string;
  readonly shop: string | null;
  readonly group: string;
  readonly weight: number;
}

export const PROFILES: readonly IndustryProfile[] = [
  { code: '6210', trade: '餐饮', shop: '火锅店', group: '餐饮服务', weight: 10 },
  { code: '6220', trade: '餐饮管理', shop: '快餐店', group: '餐饮服务', weight: 5 },
  { code: '6291', trade: '食品', shop: '小吃店', group: '餐饮服务', weight: 7 },
  { code: '5212', trade: '商贸', shop: '超市', group: '食品销售', weight: 5 },
  { code: '5213', trade: '商贸', shop: '便利店', group: '食品销售', weight: 6 },
  { code: '5223', trade: '农产品', shop: '水果店', group: '食品销售', weight: 4 },
  { code: '5224', trade: '食品', shop: '鲜肉店', group: '食品销售', weight: 3 },
  { code: '5226', trade: '酒业', shop: '烟酒店', group: '食品销售', weight: 3 },
  { code: '5232', trade: '服饰', shop: '服装店', group: '日用品零售', weight: 6 },
  { code: '5234', trade: '化妆品', shop: '化妆品店', group: '化妆品', weight: 2 },
  { code: '5281', trade: '五金', shop: '五金店', group: '日用品零售', weight: 3 },
  { code: '5251', trade: '医药', shop: '大药房', group: '药品零售', weight: 3 },
  { code: '5254', trade: '医疗器械', shop: null, group: '医疗器械', weight: 1 },
  { code: '5263', trade: '汽车配件', shop: '汽配店', group: '汽车服务', weight: 2 },
  { code: '8111', trade: '汽车服务', shop: '汽修店', group: '汽车服务', weight: 4 },
  { code: '5292', trade: '电子商务', shop: '网店', group: '网络交易', weight: 3 },
  { code: '8040', trade: '美容美发', shop: '理发店', group: '生活服务', weight: 5 },
  { code: '8053', trade: '健康管理', shop: '养生馆', group: '生活服务', weight: 2 },
  { code: '6121', trade: '酒店管理', shop: '宾馆', group: '住宿服务', weight: 2 },
  { code: '1431', trade: '食品', shop: null, group: '食品生产', weight: 1 },
  { code: '1469', trade: '食品', shop: null, group: '食品生产', weight: 1 },
  { code: '3670', trade: '汽车零部件', shop: null, group: '工业生产', weight: 2 },
  { code: '3311', trade: '钢结构', shop: null, group: '工业生产', weight: 1 },
  { code: '6513', trade: '科技', shop: null, group: '信息技术', weight: 4 },
  { code: '7259', trade: '广告', shop: '广告店', group: '广告', weight: 2 },
  { code: '7010', trade: '房地产开发', shop: null, group: '房地产', weight: 1 },
  { code: '7020', trade: '物业管理', shop: null, group: '房地产', weight: 2 },
  { code: '4790', trade: '建筑工程', shop: null, group: '建筑业', weight: 2 },
  { code: '7291', trade: '旅行社', shop: null, group: '旅游', weight: 1 },
  { code: '8393', trade: '文化艺术培训', shop: null, group: '教育培训', weight: 1 },
  { code: '9011', trade: '娱乐', shop: 'KTV', group: '娱乐场所', weight: 1 },
  { code: '5169', trade: '化工', shop: null, group: '危险化学品', weight: 1 },
];

/** Farming classes for 农民专业合作社: class, product word. */
export const COOP_PROFILES: readonly (readonly [code: string, word: string])[] = [
  ['0141', '蔬菜种植'],
  ['0153', '柑橘种植'],
  ['0313', '生猪养殖'],
  ['0321', '家禽养殖'],
  ['0171', '中药材种植'],
];

/** 其他组织: class, name pattern (the district goes in front), USCC prefix (51 社团, 52 民非). */
export const ORG_PROFILES: readonly (readonly [code: string, suffix: string, prefix: string])[] = [
  ['9521', '行业协会', '51'],
  ['8514', '养老服务中心', '52'],
  ['8391', '职业培训学校', '52'],
  ['8425', '社区门诊部', '52'],
  ['8393', '艺术培训学校', '52'],
];

/** Products for 产品 targets: class, product name. */
export const PRODUCT_PROFILES: readonly (readonly [code: string, word: string])[] = [
  ['3854', '电热水壶'],
  ['3670', '汽车制动片'],
  ['1469', '火锅底料'],
  ['1431', '挂面'],
  ['2452', '儿童塑料玩具'],
  ['1819', '学生校服'],
  ['3831', '电线电缆'],
];

/** Which target types take which share of the library. */
export const TYPE_WEIGHTS: readonly (readonly [TargetType, number])[] = [
  ['企业', 55],
  ['个体工商户', 36],
  ['农民专业合作社', 3],
  ['其他组织', 3],
  ['产品', 1.5],
  ['项目', 1],
  ['行为', 0.5],
];
