import { z } from 'zod';
import { ID_PATTERN } from '../../ids.js';

/** An identifier on the wire (see {@link ID_PATTERN}). */
export const idSchema = z.string().regex(ID_PATTERN, 'use 1-63 lowercase letters, digits or dashes, starting with a letter or digit');
