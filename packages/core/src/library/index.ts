/** 一单两库一指引, the item list, inspector library and guidelines: fields, rules and the checklist form. */
export * from './cells';
export * from './ratio-cap';
export * from './checklist';
export * from './item';
export * from './inspector';
export * from './recusal';
