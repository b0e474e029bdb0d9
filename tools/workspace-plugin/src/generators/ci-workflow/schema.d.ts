/** The ci-workflow sync generator takes no options: the policy and nx.json are its inputs. */
export type CiWorkflowGeneratorSchema = Record<string, never>;
