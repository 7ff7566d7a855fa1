import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';

const CONNECTIONS = 'rooms_connections';
const EVENTS = 'rooms_events_total';
const REJECTED = 'rooms_events_rejected_total';
const REFUSED = 'rooms_connections_refused_total';

export const roomsMetricProviders = [
  makeGaugeProvider({ name: CONNECTIONS, help: 'Open socket.io connections to /rooms on this instance' }),
  makeCounterProvider({ name: EVENTS, help: 'Room events handled, by event name', labelNames: ['event'] }),
  makeCounterProvider({ name: REJECTED, help: 'Room events refused, by event name and error code', labelNames: ['event', 'reason'] }),
  makeCounterProvider({ name: REFUSED, help: 'Room handshakes refused, by error code', labelNames: ['reason'] }),
];

@Injectable()
export class RoomsMetrics {
  constructor(
    @InjectMetric(CONNECTIONS) readonly connections: Gauge<string>,
    @InjectMetric(EVENTS) readonly events: Counter<string>,
    @InjectMetric(REJECTED) readonly rejected: Counter<string>,
    @InjectMetric(REFUSED) readonly refused: Counter<string>,
  ) {}
}
