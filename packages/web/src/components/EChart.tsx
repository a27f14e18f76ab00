/**
 * The one ECharts wrapper for dashboards (issue 6). It imports from `echarts/core` and registers only the
 * charts and components below, so the bundle carries what is used; register more here when a page needs them.
 */
import {
  BarChart,
  LineChart,
  PieChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type DatasetComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECElementEvent, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';
import { useI18n } from '../hooks/use-i18n';

use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** The options the registered charts and components accept. */
export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export interface EChartProps {
  readonly option: EChartOption;
  /** Accessible name of the chart (a canvas says nothing to a screen reader). */
  readonly ariaLabel: string;
  readonly height?: number;
  readonly style?: CSSProperties;
  /** Click on a data item: dashboards drill down to the list behind it. */
  readonly onItemClick?: (event: ECElementEvent) => void;
}

/** A resizing ECharts canvas that follows the UI language. */
export function EChart({ option, ariaLabel, height = 320, style, onItemClick }: EChartProps) {
  const { lang } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  // ECharts takes its locale at init, so a language switch re-creates the chart
  useEffect(() => {
    const el = containerRef.current;
    if (el === null) {
      return undefined;
    }
    const chart = init(el, undefined, { renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, lang]);

  useEffect(() => {
    const chart = chartRef.current;
    if (chart === null || onItemClick === undefined) {
      return undefined;
    }
    chart.on('click', onItemClick);
    return () => {
      chart.off('click', onItemClick);
    };
  }, [onItemClick, lang]);

  return (
    <div ref={containerRef} role="img" aria-label={ariaLabel} style={{ width: '100%', height, ...style }} />
  );
}
