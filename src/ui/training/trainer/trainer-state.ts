// What the trainer is preparing: the scenario chosen in the list or written in the editor; the pack saves it.
import { createSignal } from 'solid-js';
import type { Scenario } from '../../../training/scenario';

const [prepared, setPrepared] = createSignal<Scenario>();
export { prepared, setPrepared };
