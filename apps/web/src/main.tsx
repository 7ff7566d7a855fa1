import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiClient } from './api';
import { App } from './app/App';
import './ui/tokens.css';
import './ui/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App client={apiClient} />
  </StrictMode>,
);
