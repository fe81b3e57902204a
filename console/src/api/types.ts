import type { components } from './schema';

/** Friendly names for the generated OpenAPI schemas the screens use. */
type S = components['schemas'];
type Full<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type CaseSummary = Full<S['CaseSummary']>;
export type CaseNode = Full<S['NodeView']>;
export type CaseEdge = Full<S['EdgeView']>;
export type CaseGraph = Omit<Full<S['CaseGraph']>, 'nodes' | 'edges' | 'category' | 'vendor'> & {
  nodes: CaseNode[]; edges: CaseEdge[]; category?: string | null; vendor?: string | null;
};
export type DocumentDetail = Full<S['DocumentDetail']>;
export type DocumentPage = { items: Full<S['DocumentSummary']>[]; total: number; page: number; pageSize: number };
export type FeedbackItem = Full<S['FeedbackItem']>;
export type FeedbackPage = { items: FeedbackItem[]; total: number; page: number; pageSize: number };
export type Statistics = {
  faultCategories: Full<S['CategoryCount']>[]; resolutionTrend: Full<S['TrendPoint']>[]; knowledgeCoverage: Full<S['KnowledgeCoverage']>[];
};
export type StatisticsCasePage = { items: Full<S['StatisticsCase']>[]; total: number; page: number; pageSize: number };
export type ProjectionStatus = Full<S['ProjectionStatus']>;
export type SearchHit = Full<S['KnowledgeHit']>;
export type AuditCasePage = { items: Full<S['AuditCase']>[]; total: number; page: number; pageSize: number };
export type AuditEvent = Full<S['AuditEvent']>;
export type ChainVerdict = Full<S['ChainVerdict']>;

export type ApiKey = Full<S['ApiKey']>;
export type CreatedApiKey = Full<S['CreatedApiKey']>;
export type ApiKeyRole = ApiKey['roles'][number];

export type UserInfo = S['UserInfo'];
export type Role = S['UserInfo']['roles'][number];

/** The content of an AI_CLARIFICATION node, as the contract defines it. */
export interface ClarificationContent {
  analysis?: string;
  suggestedQuestions?: string[];
}

/** A cited knowledge passage. */
export interface SourceRef {
  docId?: string;
  fileName?: string;
  chunkId?: string;
  score?: number;
  text?: string;
  location?: { page?: number | null; section?: string | null; start?: number; end?: number };
}

/** The content of a SOLUTION node. */
export interface SolutionContent {
  answer?: string;
  sources?: SourceRef[];
  commands?: string[];
  commandDetails?: { command: string; purpose?: string; safety?: 'read-only' | 'config-change' | 'service-affecting'; rollback?: string }[];
}
