// The same names in C++: LT-C-007 applies, and the file is sent to libclang.
enum method { sslv3, tlsv1, tlsv1_client };
int pick() { return tlsv1_client; }
