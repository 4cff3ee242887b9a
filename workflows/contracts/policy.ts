export { DEFAULT_POLICY, defaultPolicyFor, policyFrom } from '../../libs/domain/escalation/policy';
export type { NoticePolicy } from '../../libs/domain/escalation/policy';
