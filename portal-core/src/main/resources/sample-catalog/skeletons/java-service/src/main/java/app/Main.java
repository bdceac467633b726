package app;

/** Entry point of ${{ values.name }}. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("Hello from ${{ values.name }}");
    }
}
