import { createRoot } from 'react-dom/client';
import { App } from './app';
import { SessionProvider } from './session';
import './styles.css';

createRoot(document.getElementById('app')!).render(
  <SessionProvider>
    <App />
  </SessionProvider>,
);
