export { DEFAULT_POLICY, policyFrom } from '../../libs/domain/escalation/policy';
export type { NoticePolicy } from '../../libs/domain/escalation/policy';
