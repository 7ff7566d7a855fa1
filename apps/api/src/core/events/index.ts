export { DomainEvent } from './domain-events';
export type { DomainEventName, DomainEventPayloads } from './domain-events';
export { DomainEvents } from './domain-events.service';
export { EventsModule } from './events.module';
