// Temporary alias kept while front ends move their imports to './index'; removed before release.
export * from './index';
