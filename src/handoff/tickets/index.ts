export * from './model.js';
export * from './lifecycle.js';
export * from './ports.js';
export { toTicketView, type TicketView } from './view.js';
export { planChange, isRepeat, type ChangePlan, type ColumnValue } from './apply.js';
