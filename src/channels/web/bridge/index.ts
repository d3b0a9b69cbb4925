export { BotBridge } from './bot-bridge.js';
export { authenticateResult } from './connector-factory.js';
export { mountConnector, CONNECTOR_PATH, type ConnectorDeps } from './connector.js';
