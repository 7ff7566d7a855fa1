import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiClient } from './api';
import { App } from './app/App';
import './ui/tokens.css';
import './ui/base.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={apiClient} />
  </StrictMode>,
);
