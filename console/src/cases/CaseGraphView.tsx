import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  ReactFlow, Background, Controls, MarkerType, useReactFlow, ReactFlowProvider, type Edge, type Node, type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { CaseEdge, CaseNode } from '../api/types';
import { nodeStatusLabel } from '../i18n/messages';
import { useI18n } from '../i18n/I18n';

/** Layers each node one row below its deepest parent, siblings side by side. */
export function layout(nodes: CaseNode[], edges: CaseEdge[]): Record<string, { x: number; y: number }> {
  const depth: Record<string, number> = {};
  const parents: Record<string, string[]> = {};
  for (const e of edges) (parents[e.target] ??= []).push(e.source);
  const depthOf = (id: string, seen: Set<string>): number => {
    if (depth[id] !== undefined) return depth[id];
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(parents[id] ?? []).map((p) => depthOf(p, seen))) + 1;
    depth[id] = d;
    return d;
  };
  nodes.forEach((n) => depthOf(n.id, new Set()));
  const perRow: Record<number, number> = {};
  const positions: Record<string, { x: number; y: number }> = {};
  for (const n of nodes) {
    const d = depth[n.id] ?? 0;
    const column = perRow[d] ?? 0;
    perRow[d] = column + 1;
    positions[n.id] = { x: column * 230, y: d * 100 };
  }
  return positions;
}

const statusClass: Record<string, string> = {
  PROCESSING: 'node-processing', AWAITING_USER_INPUT: 'node-awaiting', COMPLETED: 'node-completed', FAILED: 'node-failed',
};

/** Keeps the whole graph in view as nodes arrive and the window changes size. */
function FitOnChange({ count }: { count: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const fit = () => void flow.fitView({ maxZoom: 1.1, duration: 0 });
    const timer = window.setTimeout(fit, 50);
    window.addEventListener('resize', fit);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('resize', fit);
    };
  }, [flow, count]);
  return null;
}

/** The case graph drawn by React Flow; a click (or Enter on a focused node) selects a node. */
export default function CaseGraphView(props: Parameters<typeof Graph>[0]) {
  return <ReactFlowProvider><Graph {...props} /></ReactFlowProvider>;
}

function Graph({ nodes, edges, selected, onSelect, ariaLabel }: {
  nodes: CaseNode[]; edges: CaseEdge[]; selected?: string | null; onSelect: (id: string) => void; ariaLabel: string;
}) {
  const { t } = useI18n();
  const positions = useMemo(() => layout(nodes, edges), [nodes, edges]);
  // The sizes React Flow measured, given back with every node: a node passed without them is hidden until it is
  // measured again, and a node whose size did not change is never measured again (an update that arrived before the
  // first measurement left the graph hidden).
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const sized = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (sized.length) setMeasured((known) => ({ ...known, ...Object.fromEntries(sized) }));
  }, []);
  const flowNodes: Node[] = nodes.map((n) => ({
    id: n.id,
    position: positions[n.id],
    measured: measured[n.id],
    data: { label: `${n.title} · ${nodeStatusLabel(t, n.status)}` },
    className: `case-node ${statusClass[n.status] ?? ''} ${n.id === selected ? 'selected-node' : ''}`,
    ariaLabel: `${n.title} ${nodeStatusLabel(t, n.status)}`,
    draggable: false,
    connectable: false,
  }) as Node);
  const flowEdges: Edge[] = edges.map((e) => ({
    id: `${e.source}->${e.target}`, source: e.source, target: e.target,
    markerEnd: { type: MarkerType.ArrowClosed }, animated: nodes.find((n) => n.id === e.target)?.status === 'PROCESSING',
  }));
  return (
    <div className="graph" aria-label={ariaLabel} role="region" data-testid="case-graph">
      <ReactFlow nodes={flowNodes} edges={flowEdges} onNodesChange={onNodesChange} fitView fitViewOptions={{ maxZoom: 1.1 }}
                 onNodeClick={(_, node) => onSelect(node.id)} nodesDraggable={false} nodesConnectable={false}
                 proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
        <FitOnChange count={nodes.length} />
      </ReactFlow>
    </div>
  );
}
