// Training packs off the main thread: making (base64 of the backups, JSON) and parsing (JSON, validation, base64).
import { runPackJob } from '../training/pack-job';
import { serveFunction } from './call';

serveFunction(runPackJob);
