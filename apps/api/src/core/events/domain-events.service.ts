import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DomainEventName, DomainEventPayloads } from './domain-events';

/** Typed front for the event bus: a listener's failure is logged, never thrown back at the emitter. */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');

  constructor(private readonly bus: EventEmitter2) {}

  async emit<N extends DomainEventName>(name: N, payload: DomainEventPayloads[N]): Promise<void> {
    try {
      await this.bus.emitAsync(name, payload);
    } catch (error) {
      this.logger.error(`a listener of ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
}
