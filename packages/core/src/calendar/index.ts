/** The calendar: plain dates and Chinese working-day arithmetic for deadlines. */
export * from './iso-date';
export * from './china-time';
export * from './working-days';
export * from './holiday-table';
export * from './iso-date.schema';
