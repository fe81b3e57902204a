import type { CasePhase } from '../cases/caseState';

/** Every string the console shows, in Chinese (the default) and English. Node titles come from the API as they are. */
export const messages = {
  zh: {
    appName: 'IP Expert 控制台',
    login: '登录', logout: '退出', username: '用户名', password: '密码', loggingIn: '正在登录…',
    sessionExpired: '会话已过期，请重新登录；您输入的内容已保留。',
    language: '语言', signedInAs: '当前用户',
    navCases: '我的案例', navDocuments: '知识文档', navSearch: '检索测试', navFeedback: '反馈审核',
    navUsers: '用户', navProjections: '投影', navDashboard: '统计看板', navAudit: '审计',
    newCase: '新建案例', describeFault: '描述故障现象', open: '打开', create: '提交',
    attachScreenshots: '附加设备输出截图', screenshotHint: '截图中的文字经 OCR 识别后作为粘贴的输出分析，图片本身不保存（每张不超过 5 MB，最多 4 张）',
    screenshotTooLarge: '截图不能超过 5 MB', tooManyScreenshots: '最多附加 4 张截图', removeAttachment: '移除',
    status: '状态', vendor: '厂商', category: '类别', all: '全部', filter: '筛选',
    title: '标题', createdAt: '创建时间', updatedAt: '更新时间', noCases: '暂无案例',
    statusOpen: '处理中', statusSolved: '已解决', statusClosed: '已关闭',
    phaseAnalysing: '分析中', phaseAwaitingAnswer: '待补充信息', phaseAnalysisFailed: '分析失败', phaseAwaitingFeedback: '待反馈',
    nodeProcessing: '分析中', nodeAwaiting: '待回答', nodeCompleted: '已完成', nodeFailed: '失败',
    graph: '案例图', node: '节点', analysisStreaming: '分析生成中…', failedReason: '失败原因', retry: '重试',
    clarification: '需要更多信息', suggestedQuestions: '建议回答的问题', yourAnswer: '您的回答', send: '发送',
    advanced: '高级选项', retrievalWeight: '语义检索权重', filterTags: '标签过滤（逗号分隔）',
    solution: '解决方案', sources: '引用来源', commands: '命令', copy: '复制', copied: '已复制',
    safety: '安全级别', purpose: '用途', rollback: '回退',
    feedback: '反馈', outcome: '结果', solved: '已解决', unsolved: '未解决', comment: '说明',
    correctedSolution: '修正后的方案', submitFeedback: '提交反馈', feedbackSent: '反馈已提交',
    closeCase: '关闭案例', closed: '案例已关闭', live: '实时', offline: '未连接',
    upload: '上传', dropFiles: '将文件拖到此处，或点击选择（可多选）', tags: '标签', progress: '进度',
    fileName: '文件名', uploadedAt: '上传时间', reparse: '重新解析', delete: '删除', confirmDelete: '确定删除该文档？',
    search: '检索', query: '查询', weight: '语义权重', score: '得分', noResults: '无结果',
    review: '审核', approve: '通过', reject: '驳回', pending: '待审核', approved: '已通过', rejected: '已驳回',
    users: '用户', email: '邮箱', roles: '角色', createUser: '创建用户',
    navApiKeys: 'API 密钥', createApiKey: '创建 API 密钥', keyName: '名称', expiresInDays: '有效期（天）', expiresAt: '到期时间',
    newApiKey: '新的 API 密钥', keyShownOnce: '密钥只显示这一次，请立即复制并妥善保存。', copyKey: '复制密钥', done: '完成',
    useKeyAs: '调用 API 时发送', prefix: '前缀', lastUsed: '最近使用', neverUsed: '从未使用', revoke: '吊销',
    revoked: '已吊销', expired: '已过期', active: '有效', noApiKeys: '暂无 API 密钥',
    projections: '投影', lag: '延迟', position: '位置', replaying: '重放中', rebuild: '重建', processingGroup: '处理组',
    dashboard: '统计看板', days7: '7天', days30: '30天', days90: '90天',
    faultCategories: '故障类别', resolutionTrend: '解决趋势', knowledgeCoverage: '知识覆盖',
    opened: '新建', solvedPerDay: '解决', casesBehind: '相关案例', topic: '主题',
    audit: '审计', owner: '所有者', timeline: '事件时间线', actor: '操作者', time: '时间', payload: '内容',
    graphAt: '该时刻的案例图', verify: '校验', verified: '事件链完整', tampered: '事件链被篡改，首个异常事件', exportNdjson: '导出 NDJSON',
    loading: '加载中…', error: '出错了', page: '页', prev: '上一页', next: '下一页', total: '共',
    close: '关闭', notFound: '页面不存在', back: '返回', menu: '菜单', skip: '跳到正文',
  },
  en: {
    appName: 'IP Expert console',
    login: 'Log in', logout: 'Log out', username: 'Username', password: 'Password', loggingIn: 'Logging in…',
    sessionExpired: 'Your session expired. Log in again; what you typed is kept.',
    language: 'Language', signedInAs: 'Signed in as',
    navCases: 'My cases', navDocuments: 'Documents', navSearch: 'Search', navFeedback: 'Feedback review',
    navUsers: 'Users', navProjections: 'Projections', navDashboard: 'Dashboard', navAudit: 'Audit',
    newCase: 'New case', describeFault: 'Describe the fault', open: 'Open', create: 'Submit',
    attachScreenshots: 'Attach screenshots of device output', screenshotHint: 'The text in a screenshot is read by OCR and analysed as pasted output; the image itself is not kept (up to 5 MB each, at most 4)',
    screenshotTooLarge: 'A screenshot may be at most 5 MB', tooManyScreenshots: 'At most 4 screenshots', removeAttachment: 'Remove',
    status: 'Status', vendor: 'Vendor', category: 'Category', all: 'All', filter: 'Filter',
    title: 'Title', createdAt: 'Created', updatedAt: 'Updated', noCases: 'No cases yet',
    statusOpen: 'Open', statusSolved: 'Solved', statusClosed: 'Closed',
    phaseAnalysing: 'Analysing', phaseAwaitingAnswer: 'Needs your answer', phaseAnalysisFailed: 'Analysis failed', phaseAwaitingFeedback: 'Awaiting your feedback',
    nodeProcessing: 'Analysing', nodeAwaiting: 'Awaiting an answer', nodeCompleted: 'Completed', nodeFailed: 'Failed',
    graph: 'Case graph', node: 'Node', analysisStreaming: 'Analysis being written…', failedReason: 'Reason', retry: 'Retry',
    clarification: 'More information needed', suggestedQuestions: 'Suggested questions', yourAnswer: 'Your answer', send: 'Send',
    advanced: 'Advanced', retrievalWeight: 'Semantic retrieval weight', filterTags: 'Filter tags (comma separated)',
    solution: 'Solution', sources: 'Sources', commands: 'Commands', copy: 'Copy', copied: 'Copied',
    safety: 'Safety', purpose: 'Purpose', rollback: 'Rollback',
    feedback: 'Feedback', outcome: 'Outcome', solved: 'Solved', unsolved: 'Unsolved', comment: 'Comment',
    correctedSolution: 'Corrected solution', submitFeedback: 'Send feedback', feedbackSent: 'Feedback sent',
    closeCase: 'Close case', closed: 'Case closed', live: 'Live', offline: 'Disconnected',
    upload: 'Upload', dropFiles: 'Drop files here, or click to choose (several at once)', tags: 'Tags', progress: 'Progress',
    fileName: 'File', uploadedAt: 'Uploaded', reparse: 'Re-parse', delete: 'Delete', confirmDelete: 'Delete this document?',
    search: 'Search', query: 'Query', weight: 'Semantic weight', score: 'Score', noResults: 'No results',
    review: 'Review', approve: 'Approve', reject: 'Reject', pending: 'Pending', approved: 'Approved', rejected: 'Rejected',
    users: 'Users', email: 'E-mail', roles: 'Roles', createUser: 'Create user',
    navApiKeys: 'API keys', createApiKey: 'Create API key', keyName: 'Name', expiresInDays: 'Valid for (days)', expiresAt: 'Expires',
    newApiKey: 'New API key', keyShownOnce: 'The key is shown this once: copy it now and keep it safe.', copyKey: 'Copy key', done: 'Done',
    useKeyAs: 'Send it with every call as', prefix: 'Prefix', lastUsed: 'Last used', neverUsed: 'Never', revoke: 'Revoke',
    revoked: 'Revoked', expired: 'Expired', active: 'Active', noApiKeys: 'No API keys yet',
    projections: 'Projections', lag: 'Lag', position: 'Position', replaying: 'Replaying', rebuild: 'Rebuild', processingGroup: 'Processing group',
    dashboard: 'Dashboard', days7: '7 days', days30: '30 days', days90: '90 days',
    faultCategories: 'Fault categories', resolutionTrend: 'Resolution trend', knowledgeCoverage: 'Knowledge coverage',
    opened: 'Opened', solvedPerDay: 'Solved', casesBehind: 'Cases behind this number', topic: 'Topic',
    audit: 'Audit', owner: 'Owner', timeline: 'Event timeline', actor: 'Actor', time: 'Time', payload: 'Payload',
    graphAt: 'The graph at that moment', verify: 'Verify', verified: 'Event chain intact', tampered: 'Event chain broken; first bad event', exportNdjson: 'Export NDJSON',
    loading: 'Loading…', error: 'Something went wrong', page: 'Page', prev: 'Previous', next: 'Next', total: 'Total',
    close: 'Close', notFound: 'No such page', back: 'Back', menu: 'Menu', skip: 'Skip to content',
  },
} as const;

export type Lang = keyof typeof messages;

const CASE_STATUS: Record<string, 'statusOpen' | 'statusSolved' | 'statusClosed'> = {
  open: 'statusOpen', solved: 'statusSolved', closed: 'statusClosed',
};
const NODE_STATUS: Record<string, 'nodeProcessing' | 'nodeAwaiting' | 'nodeCompleted' | 'nodeFailed'> = {
  PROCESSING: 'nodeProcessing', AWAITING_USER_INPUT: 'nodeAwaiting', COMPLETED: 'nodeCompleted', FAILED: 'nodeFailed',
};

/** A case's status (the contract's open, solved, closed) in the interface's language; an unknown one as it is. */
export function caseStatusLabel(t: (key: MessageKey) => string, status: string | null | undefined): string {
  const key = status ? CASE_STATUS[status] : undefined;
  return key ? t(key) : status ?? '';
}

const CASE_PHASE: Record<CasePhase, MessageKey> = {
  analysing: 'phaseAnalysing', awaitingAnswer: 'phaseAwaitingAnswer', analysisFailed: 'phaseAnalysisFailed',
  awaitingFeedback: 'phaseAwaitingFeedback', open: 'statusOpen', solved: 'statusSolved', closed: 'statusClosed',
};

/** Where a case stands ({@link casePhase}) in the interface's language. */
export function casePhaseLabel(t: (key: MessageKey) => string, phase: CasePhase): string {
  return t(CASE_PHASE[phase]);
}

/** A node's status (the contract's PROCESSING, AWAITING_USER_INPUT, COMPLETED, FAILED) in the interface's language. */
export function nodeStatusLabel(t: (key: MessageKey) => string, status: string | null | undefined): string {
  const key = status ? NODE_STATUS[status] : undefined;
  return key ? t(key) : status ?? '';
}
export type MessageKey = keyof typeof messages.zh;
