export async function bootstrap() {
  return { listen: async () => undefined };
}
