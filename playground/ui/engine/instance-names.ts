/** Numbers instances in the order they appear, so people read "instance 2" rather than an opaque id. */
export class InstanceNames {
  private readonly numbers = new Map<string, number>();

  number(instanceId: string): number {
    let number = this.numbers.get(instanceId);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(instanceId, number);
    }
    return number;
  }

  label(instanceId: string, word: string): string {
    return `${word} ${this.number(instanceId)}`;
  }
}
