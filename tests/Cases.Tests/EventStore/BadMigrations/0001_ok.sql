create table cases.first_ok (id int);
