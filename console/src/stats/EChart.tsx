import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, SVGRenderer]);

export interface ChartClick {
  seriesName?: string;
  name: string;
  value: unknown;
  data: unknown;
}

/** One ECharts chart (SVG renderer) whose data points answer clicks. */
export default function EChart({ option, onClick, label, testId, height }: { option: EChartsCoreOption; onClick?: (p: ChartClick) => void; label: string; testId: string; height?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as unknown as ChartClick));
    // follow the container's size: it may have none yet when the chart starts, and changes with the window
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option]);

  return <div ref={host} className="chart" role="img" aria-label={label} data-testid={testId} style={height ? { height } : undefined} />;
}
