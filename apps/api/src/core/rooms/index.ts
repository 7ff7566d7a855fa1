export * from './rooms.module';
export { RoomClockService } from './room-clock.service';
export { RoomsService } from './rooms.service';
export { RoomEvents } from './room-events';
export { RoomsRedisAdapter } from './rooms-redis-adapter';
