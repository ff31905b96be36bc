export * from './PlanDetails';
