// The page's entry (index.html loads it): the operator UI on the whole page, talking to /manage/* on its own origin.
import { mountOperatorUi } from './mount-operator-ui.js';

const root = document.getElementById('operator-ui');
if (!root) throw new Error('index.html has no element with id "operator-ui"');
mountOperatorUi(root);
