/**
 * The risk context's public interface: what other contexts, the composition root and the demo
 * may use. Modules inside the context import each other directly, never through this file.
 */
export { riskFactsImportSpec } from './imports/risk-facts.import';
export { riskTierImportSpec } from './imports/risk-tier.import';
export {
  canReadRiskRegion,
  canWriteRiskRegion,
  forbiddenRegion,
  regionChain,
  riskRegionSchema,
} from './risk-access';
export { type RegionSetting, regionSetting, regionSettingViewSchema } from './region-setting';
export { activeAlertCounts } from './risk.repo';
export { registerAlertRoutes } from './alerts/alert.routes';
export { signAlert } from './alerts/alert-intake.service';
export { registerRiskRoutes } from './risk.routes';
export { riskUsage } from './risk.service';
