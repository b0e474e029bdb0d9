const botName = /^[a-z][a-z0-9-]{1,47}$/;

/** True for a valid bot name: 2-48 lowercase letters, digits or dashes, starting with a letter. */
export function isValidBotName(name: string): boolean {
  return botName.test(name);
}
