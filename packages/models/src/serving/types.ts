/** One message of a chat, in the shape both serving protocols accept. */
export interface ChatTurn {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A generation with its token counts, whatever server produced it. */
export interface GenerateResult {
  readonly model: string;
  readonly content: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
}
