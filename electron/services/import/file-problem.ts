/** What is wrong with one imported file, as the end of a sentence that starts with its name: "is empty". */
export class FileProblem extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'FileProblem';
  }
}
