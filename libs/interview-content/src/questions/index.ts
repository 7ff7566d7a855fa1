import type { Question } from '../schema';
import { AD_CLICK_AGGREGATION } from './ad-click-aggregation';
import { CHAT_MESSAGING } from './chat-messaging';
import { FILE_SYNC } from './file-storage-sync';
import { LEADERBOARD } from './game-leaderboard';
import { NEWS_FEED } from './news-feed';
import { NOTIFICATION_SYSTEM } from './notification-system';
import { PASTEBIN } from './pastebin';
import { PAYMENT_SYSTEM } from './payment-system';
import { RATE_LIMITER } from './rate-limiter';
import { RIDE_SHARING } from './ride-sharing';
import { TICKET_BOOKING } from './ticket-booking';
import { TYPEAHEAD } from './search-typeahead';
import { URL_SHORTENER } from './url-shortener';
import { VIDEO_STREAMING } from './video-streaming';
import { WEB_CRAWLER } from './web-crawler';

/** The question bank, ordered by level and then roughly by difficulty. */
export const QUESTIONS: readonly Question[] = [
  URL_SHORTENER,
  PASTEBIN,
  LEADERBOARD,
  RATE_LIMITER,
  NOTIFICATION_SYSTEM,
  WEB_CRAWLER,
  CHAT_MESSAGING,
  TYPEAHEAD,
  NEWS_FEED,
  RIDE_SHARING,
  TICKET_BOOKING,
  FILE_SYNC,
  VIDEO_STREAMING,
  AD_CLICK_AGGREGATION,
  PAYMENT_SYSTEM,
];
