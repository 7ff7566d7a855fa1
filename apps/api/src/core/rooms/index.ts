export * from './rooms.module';
export { RoomClockService } from './room-clock.service';
export { RoomsService } from './rooms.service';
