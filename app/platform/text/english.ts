/** "Newham's", but "Tower Hamlets'": the possessive as it is written in British English for names ending in s. */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);
