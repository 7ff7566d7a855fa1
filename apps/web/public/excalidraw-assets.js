// Excalidraw fetches its fonts from this path (served from the app's own origin) instead of a CDN.
// A separate file rather than an inline script, because the Content-Security-Policy allows only
// scripts from 'self'.
window.EXCALIDRAW_ASSET_PATH = '/';
