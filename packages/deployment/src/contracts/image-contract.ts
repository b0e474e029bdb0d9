import { z } from 'zod';

/** One deployable project's image build contract. */
export const ImageContractSchema = z.strictObject({
  /** Image repository, e.g. `alphaswarm/controller`; manifests add a pinned tag. */
  image: z.string().regex(/^[a-z0-9]+(?:[._/-][a-z0-9]+)*$/, 'an image name is lower case, e.g. alphaswarm/controller'),
  /** The Nx project the image packages. */
  project: z.string().min(1),
  /** The Dockerfile, relative to the workspace root. */
  dockerfile: z.string().min(1),
  /** The build context, relative to the workspace root. */
  context: z.string().min(1),
  /** The port the container listens on, if it serves. */
  port: z.int().min(1).max(65_535).optional(),
});

/** The contracts file (`images.json`). */
export const ImageContractsSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  images: z.array(ImageContractSchema).min(1),
});

/** One deployable project's image build contract. */
export type ImageContract = z.infer<typeof ImageContractSchema>;

/** Every image build contract. */
export type ImageContracts = z.infer<typeof ImageContractsSchema>;
