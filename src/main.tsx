// Browser entry. reflect-metadata first: @peculiar/x509 reads decorator metadata as its modules load.
import 'reflect-metadata';
import { render } from 'solid-js/web';
import { App } from './ui/app/App';
import { syncDocumentLang } from './ui/i18n';
import './ui/styles.css';

syncDocumentLang();
const root = document.getElementById('root');
if (root) render(() => <App />, root);
