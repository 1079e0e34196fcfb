// The lowest floor: a static hello-world Swift executable (the Swift runtime linked in, as
// mignet's is), to which mignet's start-up is compared.
print("hello")
