import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { errorBody } from '../errors/app-error';

/**
 * JSON bodies are parsed here rather than by Nest so that a body over the limit or with broken JSON
 * is answered in the shared error shape (413 / 400) instead of Express's HTML page.
 */
export function jsonBodyParser(limitBytes: number): RequestHandler[] {
  const parse = express.json({ limit: limitBytes, strict: true });
  return [parse];
}

export const bodyErrorHandler: ErrorRequestHandler = (error, _request, response, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    response.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than this server accepts.'));
    return;
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    response.status(400).json(errorBody('MALFORMED_BODY'));
    return;
  }
  next(error);
};
