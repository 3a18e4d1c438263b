export { BarChart, type Bar, type BarGroup, type BarChartProps } from './BarChart';
export { LineChart, type LinePoint, type LineChartProps } from './LineChart';
export { ChartTable, type ChartRow } from './ChartTable';
