/** Injection tokens for values that are not classes. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const REDIS = Symbol('REDIS');
export const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');
export const REDIS_KEYS = Symbol('REDIS_KEYS');
export const CATALOG = Symbol('CATALOG');
