import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';

const ROOMS = 'board_rooms_live';
const CONNECTIONS = 'board_connections';
const UPDATES = 'board_updates_stored_total';
const BATCH_SIZE = 'board_write_batch_size';
const WRITE_SECONDS = 'board_write_duration_seconds';
const CLOSES = 'board_connection_closes_total';

export const boardMetricProviders = [
  makeGaugeProvider({ name: ROOMS, help: 'Boards loaded in memory on this instance' }),
  makeGaugeProvider({ name: CONNECTIONS, help: 'Open board sync connections on this instance' }),
  makeCounterProvider({ name: UPDATES, help: 'Board document updates stored (rate = updates per second)' }),
  makeHistogramProvider({
    name: BATCH_SIZE,
    help: 'Rows per group-commit write of the board update log',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  }),
  makeHistogramProvider({
    name: WRITE_SECONDS,
    help: 'Duration of one group-commit write of the board update log',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }),
  makeCounterProvider({ name: CLOSES, help: 'Board connections closed, by WebSocket close code', labelNames: ['code'] }),
];

@Injectable()
export class BoardMetrics {
  constructor(
    @InjectMetric(ROOMS) readonly rooms: Gauge<string>,
    @InjectMetric(CONNECTIONS) readonly connections: Gauge<string>,
    @InjectMetric(UPDATES) readonly updates: Counter<string>,
    @InjectMetric(BATCH_SIZE) readonly batchSize: Histogram<string>,
    @InjectMetric(WRITE_SECONDS) readonly writeSeconds: Histogram<string>,
    @InjectMetric(CLOSES) readonly closes: Counter<string>,
  ) {}
}
