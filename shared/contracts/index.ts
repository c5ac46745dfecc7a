export * from './documents';
export * from './reports';
export * from './settings';
