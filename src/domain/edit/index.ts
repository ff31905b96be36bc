export * from './edit';
export * from './cleanDecisions';
export * from './decisions';
export * from './firewalls';
export * from './paste';
