export * from './app-error';
export * from './http-exception.filter';
