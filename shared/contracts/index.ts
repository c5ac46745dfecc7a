export * from './documents';
export * from './reports';
export * from './settings';
export * from './outputs';
