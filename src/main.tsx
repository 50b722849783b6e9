// Browser entry. (reflect-metadata, which @peculiar/x509 needs, comes with src/pki/x509.ts where it is used.)
import { render } from 'solid-js/web';
import { App } from './ui/app/App';
import { syncDocumentLang } from './ui/i18n';
import './ui/styles.css';

syncDocumentLang();
const root = document.getElementById('root');
if (root) render(() => <App />, root);
