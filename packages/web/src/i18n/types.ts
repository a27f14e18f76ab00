/** Types of the i18n dictionary: keys come from zh-CN, the reference language. */
import type { zhCN } from './zh-cn';

/** Supported UI languages. zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message key; a typo or a key missing from zh-CN fails typecheck. */
export type MessageKey = keyof typeof zhCN;

/** A whole dictionary: every key, string values. */
export type Messages = { readonly [K in MessageKey]: string };

/** Values for `{name}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;
